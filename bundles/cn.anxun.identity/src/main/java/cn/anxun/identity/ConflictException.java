package cn.anxun.identity;

/** The request conflicts with what is stored, e.g. a second account for one ID number. */
public class ConflictException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
