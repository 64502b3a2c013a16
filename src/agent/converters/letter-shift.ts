/** Letter arithmetic shared by the classical ciphers (ROT13, Caesar, Atbash): ASCII letters only. */

/** Applies `map` (0-25 → 0-25) to every ASCII letter, keeping case; other characters unchanged. */
export function mapLetters(text: string, map: (index: number) => number): string {
  return text.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(map(c.charCodeAt(0) - base) + base);
  });
}

/** Shifts ASCII letters by `shift` places (any integer, negative too). */
export function shiftLetters(text: string, shift: number): string {
  const s = ((shift % 26) + 26) % 26;
  return mapLetters(text, (i) => (i + s) % 26);
}
