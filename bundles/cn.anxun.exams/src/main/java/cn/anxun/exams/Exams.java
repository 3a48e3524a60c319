package cn.anxun.exams;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * The tests of classes under face checks. The server keeps the time, saves each answer as it is given
 * and grades.
 */
@ProviderType
public interface Exams {

    /**
     * Defines or, while no one has attempted it, redefines the test of a class; its institution's staff. 422 names
     * every broken rule, including a section the banks have too few questions for. Audited.
     */
    Exam define(Caller caller, String classId, ExamDraft draft);

    /** The test of a class, for those who may read the class. */
    Exam get(Caller caller, String classId);

    /**
     * Opens an attempt for the calling learner once the live capture passes a face check: enrolled in the running
     * class, its online hours credited, not passed yet and attempts left, none open. Audited.
     */
    ExamAttempt start(Caller learner, String classId, byte[] capture);

    /** An attempt: the learner's own, or one of a class its reader may read. */
    ExamAttempt attempt(Caller caller, String attemptId);

    /** The attempts at a class's test: the learner's own, or all for those who may read the class. */
    List<ExamAttempt> attempts(Caller caller, String classId);

    /**
     * Saves the answer to a question, by the option letters shown ({@code null} or empty clears it); 409 once the
     * time is up or while a face check is due.
     */
    AnswerSaved answer(Caller learner, String attemptId, int number, String choice);

    /** A face check during the attempt: passed, it schedules the next; failed, it voids the attempt. */
    ExamAttempt checkFace(Caller learner, String attemptId, byte[] capture);

    /** Hands the attempt in and grades it; 409 while a face check is due. Audited. */
    ExamAttempt submit(Caller learner, String attemptId);

    /** Pass rates, scores, times and the questions most often wrong; for the class's staff and supervisors. */
    ExamStatistics statistics(Caller caller, String classId);
}
