package cn.anxun.institutions;

/**
 * An institution's request to be registered in a city.
 *
 * @param letterId the uploaded written intent (意向书), see {@link Registrations#uploadLetter}
 */
public record Intent(String institutionName, String creditCode, String letterId) {
}
