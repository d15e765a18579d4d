package io.github.camelcec.simulator;

/** Whether an operation needs a credential, from the header tables of each reference section (cec-api.md §2). */
public enum CredentialRule {
    /** The reference marks the header True: missing means HTTP 401. */
    REQUIRED,
    /** The reference marks the header False: missing is fine, a presented one is still checked. */
    OPTIONAL,
    /** The operation does not take this credential; a presented one is ignored. */
    NOT_USED
}
