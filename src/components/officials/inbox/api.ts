// The collector routes the inbox uses (CONTRACT §8), with the official's token. The token is
// passed in by the element on each call and never stored anywhere.

export interface InboxComplaint {
  id: string;
  trackingCode: string;
  status: 'received' | 'in_progress' | 'resolved' | 'rejected';
  category: string;
  description: string;
  agency: string;
  unit?: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  resolvedAt?: string;
  response?: string;
  assignedUnit?: string;
  internalNote?: string;
  contact?: { name?: string; email?: string; phone?: string; consentAt?: string };
  attachments?: Array<{ name: string; type: string; size: number; data?: string }>;
}

export interface InboxPage {
  complaints: InboxComplaint[];
  next: string | null;
  counts: Record<'received' | 'in_progress' | 'resolved' | 'rejected' | 'overdue', number>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  label: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A refusal of the collector: the HTTP status and its error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`HTTP ${status} ${code}`);
  }
}

export class InboxApi {
  constructor(
    private readonly endpoint: string,
    private readonly token: string,
  ) {}

  private async call<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
    const base = new URL(this.endpoint, document.baseURI).href.replace(/\/+$/, '');
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      credentials: 'omit',
      cache: 'no-store',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${this.token}`,
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    if (!response.ok) {
      let code = 'error';
      try {
        code = ((await response.json()) as { error?: { code?: string } }).error?.code ?? code;
      } catch {
        // not JSON
      }
      throw new ApiError(response.status, code);
    }
    return (await response.json()) as T;
  }

  list(query: URLSearchParams, signal?: AbortSignal): Promise<InboxPage> {
    return this.call(`/v1/complaints?${query}`, signal ? { signal } : {});
  }

  /** The whole record, attachments with their data. */
  record(id: string, signal?: AbortSignal): Promise<InboxComplaint> {
    return this.call(`/v1/records/${encodeURIComponent(id)}`, signal ? { signal } : {});
  }

  async history(trackingCode: string, signal?: AbortSignal): Promise<AuditEntry[]> {
    const page = await this.call<{ entries: AuditEntry[] }>(`/v1/audit?target=${encodeURIComponent(`complaint:${trackingCode}`)}`, signal ? { signal } : {});
    return page.entries;
  }

  update(trackingCode: string, patch: Record<string, unknown>): Promise<InboxComplaint> {
    return this.call(`/v1/complaints/${encodeURIComponent(trackingCode)}`, { method: 'PATCH', body: patch });
  }
}
