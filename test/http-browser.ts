/**
 * A browser as far as redirects and cookies go, over real HTTP with fetch: follows 30x itself (so every hop is
 * seen), keeps cookies per host (name, value, expiry; paths are not separated, which these flows do not need), and
 * posts forms. Enough to walk an OpenID Connect sign-in between two servers as a browser would.
 */
export interface Hop {
  readonly url: string;
  readonly status: number;
  readonly location: string | null;
}

export interface Page {
  readonly url: string;
  readonly status: number;
  readonly body: string;
  readonly hops: readonly Hop[];
}

export interface HttpBrowser {
  /** Cookies this browser holds for a host (host:port). */
  cookies(host: string): Map<string, string>;
  /** Navigates to a URL and follows redirects until `stop` says so or a page answers. */
  open(url: string, options?: { stop?: (url: URL) => boolean }): Promise<Page>;
  /** Submits a form (application/x-www-form-urlencoded) and follows what comes back. */
  submit(
    url: string,
    fields: Record<string, string>,
    options?: { stop?: (url: URL) => boolean },
  ): Promise<Page>;
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

export const httpBrowser = (): HttpBrowser => {
  const jar = new Map<string, Map<string, string>>();
  const cookies = (host: string): Map<string, string> => {
    let c = jar.get(host);
    if (c === undefined) jar.set(host, (c = new Map<string, string>()));
    return c;
  };
  const remember = (url: URL, res: Response): void => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k = '', v = ''] = a.split('=').map((s) => s.trim());
        return (
          (k.toLowerCase() === 'max-age' && Number(v) <= 0) ||
          (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
        );
      });
      if (expired || value === '') cookies(url.host).delete(name);
      else cookies(url.host).set(name, value);
    }
  };
  const send = async (url: URL, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const jarFor = cookies(url.host);
    if (jarFor.size > 0) headers.set('cookie', [...jarFor].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    remember(url, res);
    return res;
  };
  const follow = async (
    first: Response,
    firstUrl: URL,
    stop: ((url: URL) => boolean) | undefined,
  ): Promise<Page> => {
    const hops: Hop[] = [];
    let res = first;
    let url = firstUrl;
    for (let i = 0; i < 20; i++) {
      const location = res.headers.get('location');
      hops.push({ url: url.href, status: res.status, location });
      if (res.status < 300 || res.status >= 400 || location === null) break;
      url = new URL(location, url);
      if (stop?.(url) === true) {
        hops.push({ url: url.href, status: 0, location: null });
        return { url: url.href, status: 0, body: '', hops };
      }
      res = await send(url);
    }
    return { url: url.href, status: res.status, body: await res.text(), hops };
  };
  return {
    cookies,
    open: async (href, options = {}) => {
      const url = new URL(href);
      return follow(await send(url), url, options.stop);
    },
    submit: async (href, fields, options = {}) => {
      const url = new URL(href);
      const res = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      return follow(res, url, options.stop);
    },
    fetch: (href, init) => send(new URL(href), init),
  };
};

/** The action of the first form on a page, resolved against the page's URL. */
export const formAction = (page: Page): string => {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
  if (action === undefined)
    throw new Error(`no form on ${page.url} (${String(page.status)}):\n${page.body.slice(0, 500)}`);
  return new URL(action.replace(/&amp;/g, '&'), page.url).href;
};
