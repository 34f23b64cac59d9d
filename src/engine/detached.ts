/**
 * A copy of `s` that does not keep alive the text it was cut from. V8 makes a
 * substring of 13 or more characters a view into its parent (a sliced
 * string), so a memo entry keyed by an action or pattern taken from a policy
 * kept that policy's whole text alive for as long as the entry lived: 200
 * one-megabyte policies held ~860 MB at the end of a run. Memos that outlive
 * a file store their keys (and anything cut from them) through this.
 */
export function detached(s: string): string {
  // Concatenation then slice: slicing a concatenation flattens it into a new
  // string first, so the result refers to that copy, not to the policy text.
  return s.length < 13 ? s : (` ${s}`).slice(1);
}
