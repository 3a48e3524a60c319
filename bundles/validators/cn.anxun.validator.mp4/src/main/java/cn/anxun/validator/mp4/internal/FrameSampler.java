package cn.anxun.validator.mp4.internal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4DemuxerTrackMeta;

import cn.anxun.api.media.LumaPlane;

/**
 * Decodes a few frames in a row from key frames some seconds apart: decoding all of a 720p video takes longer than
 * it plays, a window of frames every few seconds a small part of that. Frames come out in decoding order and are
 * put back in presentation order.
 */
final class FrameSampler {

    /** Frames that can be decoded ahead of those presented before them (B-frames). */
    private static final int REORDER_DEPTH = 2;

    /** The measures of one window of frames that starts at {@code time}; its frames are not kept. */
    record Window(double time, FrameMeasures measures) {
    }

    private FrameSampler() {
    }

    /**
     * One window of {@code frames} frames from each key frame that starts at least {@code every} seconds after the
     * key frame of the window before.
     */
    static List<Window> windows(AbstractMP4DemuxerTrack video, List<Mp4Movie.Sample> samples, double every,
            int frames) throws IOException {
        H264Decoder decoder = singleThreaded(H264Decoder.createH264DecoderFromCodecPrivate(
                MP4DemuxerTrackMeta.fromTrack(video).getCodecPrivate()));
        int[] size = Mp4Movie.size(video);
        byte[][] buffer = Picture.create((size[0] + 15) & ~15, (size[1] + 15) & ~15, ColorSpace.YUV420J).getData();
        List<Window> windows = new ArrayList<>();
        double next = Double.NEGATIVE_INFINITY;
        for (Mp4Movie.Sample key : samples) {
            if (key.key() && key.time() >= next) {
                next = key.time() + every;
                window(video, decoder, buffer, key, frames).ifPresent(windows::add);
            }
        }
        return windows;
    }

    private static Optional<Window> window(AbstractMP4DemuxerTrack video, H264Decoder decoder, byte[][] buffer,
            Mp4Movie.Sample key, int frames) throws IOException {
        video.gotoFrame(key.index());
        List<Decoded> decoded = new ArrayList<>();
        for (int i = 0; i < frames + REORDER_DEPTH; i++) {
            Mp4Movie.checkInterrupted();
            Packet packet = video.nextFrame();
            if (packet == null) {
                break;
            }
            Picture picture = decoder.decodeFrame(packet.getData(), buffer);
            // in an open GOP, frames shown before the key frame lack references decoded before it
            if (picture != null && packet.getPts() >= key.time() * packet.getTimescale()) {
                decoded.add(new Decoded((double) packet.getPts() / packet.getTimescale(), luma(picture)));
            }
        }
        decoded.sort(Comparator.comparingDouble(Decoded::time));
        List<LumaPlane> planes = decoded.stream().limit(frames).map(Decoded::luma).toList();
        return planes.isEmpty() ? Optional.empty()
                : Optional.of(new Window(decoded.get(0).time(), FrameMeasures.of(planes)));
    }

    private record Decoded(double time, LumaPlane luma) {
    }

    /** The luma of a decoded picture, cropped to its visible part and halved: enough for every measure here. */
    private static LumaPlane luma(Picture picture) {
        Rect crop = picture.getCrop();
        int left = crop == null ? 0 : crop.getX();
        int top = crop == null ? 0 : crop.getY();
        int width = crop == null ? picture.getWidth() : crop.getWidth();
        int height = crop == null ? picture.getHeight() : crop.getHeight();
        byte[] plane = picture.getPlaneData(0);
        int stride = picture.getPlaneWidth(0);
        int[] values = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                values[y * width + x] = plane[(top + y) * stride + left + x] + 128;
            }
        }
        return new LumaPlane(width, height, values).halved();
    }

    /**
     * The decoder starts a thread pool of its own that it never stops; validation runs on one thread of the
     * platform's, so the pool is stopped and not used.
     */
    private static H264Decoder singleThreaded(H264Decoder decoder) {
        try {
            Field threaded = H264Decoder.class.getDeclaredField("threaded");
            threaded.setAccessible(true);
            threaded.setBoolean(decoder, false);
            Field pool = H264Decoder.class.getDeclaredField("tp");
            pool.setAccessible(true);
            ExecutorService executor = (ExecutorService) pool.get(decoder);
            if (executor != null) {
                executor.shutdownNow();
            }
            return decoder;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JCodec's H264Decoder has no thread pool fields", e);
        }
    }
}
