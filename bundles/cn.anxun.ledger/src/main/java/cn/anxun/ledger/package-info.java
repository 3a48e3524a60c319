/**
 * Study sessions under face and idle checks and the study-hour ledger: every credited
 * segment one append-only entry, the entries the leaves of an RFC 9162 Merkle tree with signed checkpoints.
 */
@Version("1.4.0")
package cn.anxun.ledger;

import org.osgi.annotation.versioning.Version;
