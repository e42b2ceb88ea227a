/**
 * A morning message: several figures in one SMS per person, each figure's own text (its
 * template) on its line, in the order the controller chose. The preview and the send
 * both compose through here, and count its segments with core/sms, so what is shown
 * (one SMS or three, GSM-7 or UCS-2, the cost) is what goes.
 */
export const maxMessageFigures = 8;

export function morningText(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The figures of a message in order, the schedule's own figure first, each once. */
export function messageFigures(lead: string, others: readonly string[] = []): string[] {
  return [...new Set([lead, ...others])];
}
