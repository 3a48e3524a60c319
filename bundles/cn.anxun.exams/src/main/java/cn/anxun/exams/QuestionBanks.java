package cn.anxun.exams;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;
import cn.anxun.sheets.SheetFormat;

/**
 * The question banks. An institution's staff keep its banks; the operator keeps the province's, which every
 * institution's staff may read. Learners never read a bank.
 */
@ProviderType
public interface QuestionBanks {

    /**
     * Opens the bank of an institution for a programme, or the province's when {@code institutionId} is
     * {@code null}; 409 when it is open already.
     */
    QuestionBank open(Caller caller, String institutionId, String programmeCode);

    QuestionBank get(Caller caller, String bankId);

    /** The banks an institution's tests may draw from: its own, then the province's. */
    List<QuestionBank> ofInstitution(Caller caller, String institutionId);

    /** The province's banks. */
    List<QuestionBank> ofProvince(Caller caller);

    /** The questions in force, by code. */
    List<Question> questions(Caller caller, String bankId);

    /** Every version of a question, newest first. */
    List<Question> versions(Caller caller, String bankId, String code);

    /**
     * Adds and revises questions from a sheet ({@code .xlsx}, {@code .xls} or CSV in UTF-8 or GBK): a row whose code
     * the bank has revises that question when it says something else, a row without a code is a new question. All
     * rows or none; a refusal names every broken rule by its cell. Audited.
     */
    QuestionImport importSheet(Caller caller, String bankId, byte[] file);

    /** The questions in force as a sheet that {@link #importSheet} reads back unchanged. */
    byte[] export(Caller caller, String bankId, SheetFormat format);

    /** Takes a question out of force; tests taken keep the version they showed. Audited. */
    Question retire(Caller caller, String bankId, String code);
}
