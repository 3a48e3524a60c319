package cn.anxun.identity.internal;

import java.util.List;

import javax.persistence.EntityManager;

import cn.anxun.identity.Employer;

/**
 * Profiles that a database written before profiles were sealed keeps in the clear columns of {@code LEARNER}: each
 * is sealed and its clear columns emptied, by a job soon after start and by any read that meets one first.
 */
final class UnsealedProfiles {

    private static final String CLEAR_COLUMNS = "SELECT NAME, EMPLOYERNAME, EMPLOYERCREDITCODE, JOBTITLE FROM LEARNER "
            + "WHERE ACCOUNTID = ?1";
    private static final String EMPTIED = "UPDATE LEARNER SET NAME = NULL, EMPLOYERNAME = NULL, "
            + "EMPLOYERCREDITCODE = NULL, JOBTITLE = NULL WHERE ACCOUNTID = ?1";
    private static final String PENDING = "SELECT l FROM LearnerRecord l WHERE l.profileSealed IS NULL";

    private UnsealedProfiles() {
    }

    /** Seals up to {@code max} profiles still in clear columns; answers how many. */
    static int sealSome(EntityManager em, Keys keys, int max) {
        List<LearnerRecord> pending = em.createQuery(PENDING, LearnerRecord.class).setMaxResults(max).getResultList();
        pending.forEach(learner -> seal(em, keys, learner));
        return pending.size();
    }

    static void seal(EntityManager em, Keys keys, LearnerRecord learner) {
        Object[] clear = (Object[]) em.createNativeQuery(CLEAR_COLUMNS).setParameter(1, learner.accountId())
                .getSingleResult();
        learner.profile(keys, new LearnerProfile((String) clear[0], new Employer((String) clear[1],
                (String) clear[2]), (String) clear[3]));
        em.flush();
        em.createNativeQuery(EMPTIED).setParameter(1, learner.accountId()).executeUpdate();
    }
}
