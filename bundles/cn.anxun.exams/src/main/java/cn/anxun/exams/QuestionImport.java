package cn.anxun.exams;

/**
 * What an import did; it writes all of its rows or none.
 *
 * @param added questions new to the bank
 * @param revised questions whose row differed from their version in force: each got a new version
 * @param unchanged rows equal to the version in force
 */
public record QuestionImport(int added, int revised, int unchanged) {
}
