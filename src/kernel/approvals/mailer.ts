import nodemailer from 'nodemailer';
import type { Config } from '../config/index.js';

/** The hospital's SMTP relay, from the configuration (MAMORI_SMTP_*). */
export interface MailSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly from: string;
  /** Prefixes links in e-mails (e.g. https://mamori.hospital.local); relative paths otherwise. */
  readonly publicUrl?: string | undefined;
}

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  readonly from: string;
  readonly publicUrl: string | null;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** null when no SMTP host is configured: notifications then stay in the application. */
export const mailSettingsOf = (config: Config): MailSettings | null =>
  config.smtpHost === undefined
    ? null
    : {
        host: config.smtpHost,
        port: config.smtpPort,
        secure: config.smtpSecure,
        user: config.smtpUser,
        password: config.smtpPassword,
        from: config.mailFrom,
        publicUrl: config.publicUrl,
      };

export const createMailer = (settings: MailSettings): Mailer => {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user === undefined ? {} : { auth: { user: settings.user, pass: settings.password ?? '' } }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    from: settings.from,
    publicUrl: settings.publicUrl?.replace(/\/+$/, '') ?? null,
    send: async (mail) => {
      const info = await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { messageId: info.messageId };
    },
    close: () => {
      transport.close();
    },
  };
};
