package cn.anxun.identity;

/** A known caller asked for something their roles, region or institution do not allow. */
public class AccessDeniedException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
