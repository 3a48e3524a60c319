package cn.anxun.validator.mp4.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Rational;
import org.jcodec.containers.mp4.MP4TrackType;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.PixelAspectExt;
import org.jcodec.containers.mp4.boxes.VideoSampleEntry;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * An MP4 file as JCodec reads it: its first video and first sound track. Times are in seconds of the presentation,
 * edit lists applied, so that a sound track an edit delays starts late.
 */
final class Mp4Movie implements Closeable {

    /** One sample of a track: when it is presented, for how long, whether decoding can start at it. */
    record Sample(int index, double time, double duration, boolean key) {
    }

    private final FileChannelWrapper channel;
    private final MP4Demuxer demuxer;

    private Mp4Movie(FileChannelWrapper channel, MP4Demuxer demuxer) {
        this.channel = channel;
        this.demuxer = demuxer;
    }

    static Mp4Movie open(Path file) throws IOException {
        FileChannelWrapper channel = NIOUtils.readableChannel(file.toFile());
        try {
            return new Mp4Movie(channel, MP4Demuxer.createMP4Demuxer(channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Optional<AbstractMP4DemuxerTrack> video() {
        return track(MP4TrackType.VIDEO);
    }

    Optional<AbstractMP4DemuxerTrack> sound() {
        return track(MP4TrackType.SOUND);
    }

    private Optional<AbstractMP4DemuxerTrack> track(MP4TrackType type) {
        return demuxer.getTracks().stream().filter(track -> track.getType() == type).findFirst();
    }

    /** The picture size the track's sample description declares. */
    static int[] size(AbstractMP4DemuxerTrack video) {
        VideoSampleEntry entry = (VideoSampleEntry) video.getSampleEntries()[0];
        return new int[] {entry.getWidth(), entry.getHeight()};
    }

    /** The pixel aspect ratio, 1 when the file does not declare one. */
    static double pixelAspect(AbstractMP4DemuxerTrack video) {
        PixelAspectExt pasp = NodeBox.findFirst(video.getSampleEntries()[0], PixelAspectExt.class, "pasp");
        Rational ratio = pasp == null ? null : pasp.getRational();
        return ratio == null || ratio.getDen() == 0 ? 1 : (double) ratio.getNum() / ratio.getDen();
    }

    /** Every sample of the track in the order it is stored (decoding order), without reading its data twice. */
    static List<Sample> samples(AbstractMP4DemuxerTrack track) throws IOException {
        track.gotoFrame(0);
        List<Sample> samples = new ArrayList<>();
        for (Packet packet = track.nextFrame(); packet != null; packet = track.nextFrame()) {
            checkInterrupted();
            samples.add(new Sample(samples.size(), (double) packet.getPts() / packet.getTimescale(),
                    (double) packet.getDuration() / packet.getTimescale(), packet.getFrameType() == Packet.FrameType.KEY));
        }
        return samples;
    }

    /** Stops a validation whose thread was interrupted: the platform stops or the validator leaves. */
    static void checkInterrupted() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("validation interrupted");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
