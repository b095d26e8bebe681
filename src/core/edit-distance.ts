/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const y = [...b];
  // The table a row at a time: row[j] is the distance from the part of `a` read so far to the
  // first j code points of `b`. `cell` is the one last filled in, so at the end the answer.
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  let cell = y.length;
  for (const [i, char] of [...a].entries()) {
    let diagonal = i;
    cell = i + 1;
    const next = [cell];
    for (const [j, above] of row.slice(1).entries()) {
      cell = Math.min(above + 1, cell + 1, diagonal + (char === y[j] ? 0 : 1));
      next.push(cell);
      diagonal = above;
    }
    row = next;
  }
  return cell;
}
