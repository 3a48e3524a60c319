package cn.anxun.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import cn.anxun.identity.Employer;

/**
 * What a learner's registration says about the person besides the ID number: name, employer and job title. It is
 * kept sealed as one record bound to the learner; the name is found again through a keyed hash of its folded form.
 */
record LearnerProfile(String name, Employer employer, String jobTitle) {

    static LearnerProfile open(Keys keys, String accountId, byte[] sealed) {
        byte[] plain = keys.open(sealed, context(accountId));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            return new LearnerProfile(in.readUTF(), new Employer(in.readUTF(), in.readUTF()), optional(in));
        } catch (IOException e) {
            throw new IllegalStateException("a learner profile that opened is not one", e);
        }
    }

    byte[] sealed(Keys keys, String accountId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(name);
            out.writeUTF(employer.name());
            out.writeUTF(employer.creditCode());
            out.writeBoolean(jobTitle != null);
            out.writeUTF(jobTitle == null ? "" : jobTitle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys.seal(bytes.toByteArray(), context(accountId));
    }

    /** The keyed hash a name is searched by: width, the form of the middle dot and spacing do not matter. */
    static String nameLookup(Keys keys, String name) {
        String folded = Checks.foldName(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("\\s+", "");
        return keys.lookupHash("learner-name:" + folded);
    }

    private static String optional(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        String value = in.readUTF();
        return present ? value : null;
    }

    /** A sealed profile opens only as the profile of its learner. */
    private static String context(String accountId) {
        return "learner-profile:" + accountId;
    }
}
