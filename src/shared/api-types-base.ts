/**
 * Shapes the server sends and the web app reads. Both sides import this folder; web never imports server code.
 */
export interface Bilingual {
  ja: string;
  en: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: Bilingual;
    issues: { field: string; row?: number; message: Bilingual }[];
  };
  requestId: string;
}
