/** Who wrote or changed something on a board: the id the relay knows them by and their name then. */
export interface Author {
  id: string;
  name: string;
}
