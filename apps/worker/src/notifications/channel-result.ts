/** How one outside send ended. A permanent failure is not retried; a transient one is (by Temporal). */
export type SendResult = { readonly ok: true } | { readonly ok: false; readonly permanent: boolean; readonly error: string };
