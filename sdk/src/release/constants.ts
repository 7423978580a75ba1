/** The release format this SDK reads and writes. A newer format is refused with words, never half-read. */
export const RELEASE_FORMAT = 1;
