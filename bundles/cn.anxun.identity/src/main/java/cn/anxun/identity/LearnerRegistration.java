package cn.anxun.identity;

/**
 * What a learner gives to register. There is deliberately no field for a phone number, WeChat or QQ ID, e-mail or
 * address; sex and birth date come from the ID number.
 *
 * @param name real name as on the ID card, Chinese characters with · between the parts of minority names
 * @param idNumber resident ID number (GB 11643)
 * @param password at least 8 characters with letters and digits
 * @param employer the unit the learner works for
 * @param city GB/T 2260 code of the city the learner trains in; its city module must be installed
 * @param county optional county-level division of that city
 * @param category the personnel category trained for
 * @param operationType the special operation (特种作业), e.g. 低压电工作业; only for special-operation workers
 * @param jobTitle optional job title
 * @param institutionId optional id of the training institution the learner trains with
 * @param facePhoto reference face photo, JPEG or PNG (base64 in JSON)
 */
public record LearnerRegistration(String name, String idNumber, String password, Employer employer, String city,
        String county, PersonnelCategory category, String operationType, String jobTitle, String institutionId,
        byte[] facePhoto) {

    @Override
    public String toString() {
        return "LearnerRegistration[" + name + "]";
    }
}
