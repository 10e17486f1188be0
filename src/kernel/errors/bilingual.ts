/** Text a user reads: Japanese first, English second. */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export const bi = (ja: string, en: string): Bilingual => ({ ja, en });
