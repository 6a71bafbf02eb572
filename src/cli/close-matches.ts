// difflib.get_close_matches, which the AWS CLI uses for "Maybe you meant".

function matchingCharacters(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  let bestI = 0;
  let bestJ = 0;
  let bestSize = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > bestSize) {
        bestI = i;
        bestJ = j;
        bestSize = k;
      }
    }
  }
  if (bestSize === 0) return 0;
  return (
    bestSize +
    matchingCharacters(a.slice(0, bestI), b.slice(0, bestJ)) +
    matchingCharacters(a.slice(bestI + bestSize), b.slice(bestJ + bestSize))
  );
}

export function similarity(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matchingCharacters(a, b)) / total;
}

export function closeMatches(word: string, choices: readonly string[], n = 3, cutoff = 0.8): string[] {
  return choices
    .map((choice) => ({ choice, score: similarity(choice, word) }))
    .filter((m) => m.score >= cutoff)
    .sort((x, y) => y.score - x.score || (x.choice < y.choice ? 1 : -1))
    .slice(0, n)
    .map((m) => m.choice);
}
