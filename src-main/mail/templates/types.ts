/** What every template returns: the outbox stores it and the SMTP adapter sends it as is. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

/** The exchange facts a mail may show; all of it is user-supplied except the instant. */
export interface ExchangeInfo {
  name: string;
  description: string;
  /** Epoch milliseconds, UTC. */
  exchangeAt: number;
  /** IANA zone in which every date of this exchange is shown. */
  timezone: string;
  location: string;
  /** `amount` is a decimal string such as "25" or "25.50"; `currency` is ISO 4217. */
  budget: { amount: string; currency: string } | null;
}
