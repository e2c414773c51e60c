/**
 * The ways iptables 1.8.9 (nf_tables) fails, with the exit codes of
 * libxtables' `enum xtables_exittype`: a parameter problem prints the
 * "Try `iptables -h'" hint (exit 2), a kernel answer prints "iptables: <strerror>."
 * (exit 1), a rejected nftables batch prints "<op> failed (<errno>)" (exit 4).
 */

export const OTHER_PROBLEM = 1;
export const PARAMETER_PROBLEM = 2;
export const VERSION_PROBLEM = 3;
export const RESOURCE_PROBLEM = 4;

export type ErrorKind =
  /** xtables_error(): "PROG v1.8.9 (nf_tables): MSG", plus the hint for PARAMETER_PROBLEM. */
  | 'xtables'
  /** The kernel refused: "PROG: MSG." (nft_strerror), exit 1. */
  | 'kernel'
  /** Printed as is (e.g. "Bad argument `x'" followed by the hint). */
  | 'raw';

export class IptablesError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  /** For 'raw': append the "Try ..." hint after the message. */
  readonly hint: boolean;
  constructor(kind: ErrorKind, status: number, message: string, hint = false) {
    super(message);
    this.name = 'IptablesError';
    this.kind = kind;
    this.status = status;
    this.hint = hint;
  }
}

/** xtables_error(PARAMETER_PROBLEM, ...). */
export function paramError(message: string): IptablesError {
  return new IptablesError('xtables', PARAMETER_PROBLEM, message);
}

/** An error the kernel reports through nft_strerror(): "iptables: MSG." */
export function kernelError(message: string): IptablesError {
  return new IptablesError('kernel', OTHER_PROBLEM, message);
}

/** A batch the kernel rejected: " RULE_APPEND failed (Invalid argument): rule in chain INPUT". */
export function batchError(op: string, errno: string, what: string): IptablesError {
  return new IptablesError('xtables', RESOURCE_PROBLEM, ` ${op} failed (${errno}): ${what}`);
}

export const ENOENT_MSG = 'No chain/target/match by that name';
export const BAD_RULE_MSG = 'Bad rule (does a matching rule exist in that chain?)';
