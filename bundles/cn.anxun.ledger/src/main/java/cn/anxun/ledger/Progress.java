package cn.anxun.ledger;

/**
 * A learner's progress in a class.
 *
 * @param hours 学时 credited, to one decimal, rounded down
 * @param onlineHours the hours the class's programme allows online
 * @param completed whether the credited time reached them: the online part is done
 */
public record Progress(String learnerId, String classId, long creditedSeconds, String hours, int onlineHours,
        boolean completed) {
}
