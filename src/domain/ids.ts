// Row ids from URLs and forms. Both engines' id columns are 32-bit integers: PostgreSQL refuses a
// larger number in a comparison with an error, so a crafted "id=9999999999" must be refused here, as
// "no such item", rather than reach a query.

export const MAX_ID = 2_147_483_647

/** A positive whole number that fits an id column, from text; null for anything else. */
export function parseId(text: unknown): number | null {
  if (typeof text !== 'string' || !/^[1-9][0-9]{0,9}$/.test(text)) return null
  const id = Number(text)
  return id <= MAX_ID ? id : null
}
