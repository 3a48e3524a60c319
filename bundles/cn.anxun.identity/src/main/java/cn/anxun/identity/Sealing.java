package cn.anxun.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encryption of personal data at rest with the platform's keys (AES-256-GCM, rotated by the operator), for other
 * bundles that keep personal data, such as face captures. Each bundle gets its own instance: what one bundle sealed
 * no other bundle can open.
 */
@ProviderType
public interface Sealing {

    /**
     * @param context what the data is and whose, e.g. {@code face-capture:<check id>}: sealed bytes open only with
     *        the same context, so they cannot be swapped between records
     */
    byte[] seal(byte[] plain, String context);

    /** @throws IllegalStateException if the bytes were changed or belong to another context */
    byte[] open(byte[] sealed, String context);
}
