import type { Api } from '../../support/api.ts';
import { download } from './support.ts';

/** An image's thumbnail, as the app asks for it. */
export const thumbnail = (api: Api, fileId: string) => download(api, `${fileId}/thumbnail`);

/** An Office document's PDF preview, as the app asks for it. */
export const preview = (api: Api, fileId: string) => download(api, `${fileId}/preview`);
