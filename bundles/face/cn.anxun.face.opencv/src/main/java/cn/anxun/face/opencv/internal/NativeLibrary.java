package cn.anxun.face.opencv.internal;

import org.opencv.core.Core;

/**
 * OpenCV's native library, which this bundle carries for Linux x86-64 ({@code Bundle-NativeCode}); the framework
 * extracts it from the bundle and loads it for this bundle's class loader. A JVM binds a native library to one class
 * loader: after this bundle is updated or reinstalled, the new one cannot load it until the platform restarts.
 */
final class NativeLibrary {

    private NativeLibrary() {
    }

    static synchronized void load() {
        try {
            System.loadLibrary(Core.NATIVE_LIBRARY_NAME);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("OpenCV's native library cannot be loaded on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + " (this bundle carries it for Linux x86-64; after an "
                    + "update of this bundle, restart the platform): " + e.getMessage(), e);
        }
    }
}
