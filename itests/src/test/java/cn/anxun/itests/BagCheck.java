package cn.anxun.itests;

import java.nio.file.Path;

import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;

/**
 * A bag checked by the Library of Congress's BagIt library (RFC 8493: every file as its manifests say, none
 * missing, none besides), as an archivist receiving a package would: run in a JVM of its own, outside the platform,
 * by {@link HandedOver}.
 */
public final class BagCheck {

    private BagCheck() {
    }

    public static void main(String[] args) throws Exception {
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(new BagReader().read(Path.of(args[0])), false);
            System.out.println("valid");
        } catch (Exception e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
