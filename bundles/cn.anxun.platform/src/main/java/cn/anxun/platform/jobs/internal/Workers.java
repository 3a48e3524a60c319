package cn.anxun.platform.jobs.internal;

import java.util.concurrent.Semaphore;

/** The places for runs; their number follows the configuration while runs hold them. */
final class Workers extends Semaphore {

    private static final long serialVersionUID = 1L;

    private int size;

    Workers(int size) {
        super(size, true);
        this.size = size;
    }

    synchronized void resize(int newSize) {
        if (newSize > size) {
            release(newSize - size);
        } else if (newSize < size) {
            reducePermits(size - newSize);
        }
        size = newSize;
    }
}
