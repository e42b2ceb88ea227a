import type { Api } from '../lib/http-client.ts';

const ideas = [
  { by: 'bruno@durand.example', category: 'Bien manger', title: 'Un rayon vrac pour les céréales', text: 'Moins d’emballages, des quantités au choix : nos clients du centre-ville le demandent souvent.' },
  { by: 'chloe@durand.example', category: 'Enfants', title: 'Un coin lecture pendant les courses', text: 'Quelques livres et une assise près des caisses : les parents font leurs courses plus sereinement.' },
  { by: 'emma@durand.example', category: 'Fidélité', title: 'Carte de fidélité sur le téléphone', text: 'La carte papier se perd ; une carte dans le portefeuille du téléphone suffirait.' },
  { by: 'bruno@durand.example', category: 'Environnement', title: 'Récupérer les invendus du soir', text: 'Proposer les invendus à prix réduit à partir de 19 h, puis donner le reste aux associations.' },
] as const;

/**
 * A demo idea box, "Si vous étiez nous, que feriez-vous ?", open to the whole
 * organisation, with a few ideas, votes and one answered idea. `signIn(email)` returns
 * the API of that person; `admin` opens the box.
 */
export async function seedIdeas(admin: Api, signIn: (email: string) => Promise<Api>): Promise<string> {
  const { id: boxId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Boîte à idées 2027',
    question: 'Si vous étiez nous, que feriez-vous pour nos magasins en 2027 ?',
    kind: 'ideas',
    categories: ['Bien manger', 'Enfants', 'Fidélité', 'Environnement', 'Courses'],
  });
  await admin.ok('PATCH', `/api/activities/${boxId}`, { status: 'open' });
  const ideaIds: string[] = [];
  for (const idea of ideas) {
    const author = await signIn(idea.by);
    const { id } = await author.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, {
      title: idea.title,
      text: idea.text,
      category: idea.category,
    });
    ideaIds.push(id);
  }
  // Everyone votes for the bulk aisle and the unsold goods; the facilitator answers one.
  for (const email of ['chloe@durand.example', 'emma@durand.example', 'alice@durand.example']) {
    const voter = await signIn(email);
    for (const id of [ideaIds[0]!, ideaIds[3]!]) await voter.call('POST', `/api/ideas/${id}/votes`);
  }
  await admin.ok('POST', `/api/ideas/${ideaIds[3]}/status`, { status: 'under_study' });
  return boxId;
}
