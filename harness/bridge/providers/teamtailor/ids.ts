/**
 * TeamtailorIds: the bridge knows Teamtailor's records only by the ids Teamtailor sends, so the
 * unified id of a job or candidate is Teamtailor's own id (as in StackOne's package-list example,
 * `"job_id":"49201091"`). The native id also stays in `remote_id`.
 */
export const unifiedJobId = (native: string | number | undefined): string | undefined => (native === undefined || native === '' ? undefined : String(native));

export const unifiedCandidateId = (native: string | number): string => String(native);
