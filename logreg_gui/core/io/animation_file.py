"""Encoding frames as an animated GIF (Pillow) or an MP4 video (imageio with its ffmpeg
plugin, an optional extra)."""

import importlib.util
import io

import numpy as np

ANIMATION_SUFFIXES = (".gif", ".mp4")


def mp4_available():
    """Whether MP4 can be written: imageio and imageio-ffmpeg are installed (bool)."""
    return all(importlib.util.find_spec(name) is not None
               for name in ("imageio", "imageio_ffmpeg"))


def check_format(suffix):
    """Refuse an animation format that cannot be written here.

    Parameters
    ----------
    suffix : str
        The file's suffix, e.g. '.gif'.

    Raises
    ------
    ValueError
        For a suffix other than '.gif' or '.mp4', and for '.mp4' without the optional
        packages (the message names them and how to install them).
    """
    if suffix not in ANIMATION_SUFFIXES:
        raise ValueError(f"an animation is written as {' or '.join(ANIMATION_SUFFIXES)}, got "
                         f"{suffix!r}")
    if suffix == ".mp4" and not mp4_available():
        raise ValueError("MP4 needs the optional packages imageio and imageio-ffmpeg; install "
                         "them (pip install 'logreg-gui[video]') or write a .gif")


def animation_bytes(frames, suffix, fps=10):
    """The file contents of an animation.

    Parameters
    ----------
    frames : sequence of ndarray of uint8, each of shape (height, width, 3)
        RGB pictures, all of one size, in order; at least one.
    suffix : {'.gif', '.mp4'}
    fps : float > 0
        Frames per second.

    Returns
    -------
    bytes

    Raises
    ------
    ValueError
        If there are no frames or they differ in size, and as :func:`check_format`.
    """
    check_format(suffix)
    if not len(frames):
        raise ValueError("an animation needs at least one frame; train first")
    if len({frame.shape for frame in frames}) != 1:
        raise ValueError("every frame of an animation must have the same size")
    return _gif(frames, fps) if suffix == ".gif" else _mp4(frames, fps)


def _gif(frames, fps):
    from PIL import Image

    # One palette for every frame, without dithering: a third of the size of per-frame palettes
    # (the probability shading dithers into noise that compresses badly), and no flicker. It is
    # made from a sample of rows of every frame, so each frame's colours are in it.
    sample = np.concatenate([frame[::len(frames)] for frame in frames])
    palette = Image.fromarray(sample).quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    images = [Image.fromarray(np.ascontiguousarray(frame)).quantize(
        palette=palette, dither=Image.Dither.NONE) for frame in frames]
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:],
                   duration=round(1000 / fps), loop=0)
    return out.getvalue()


def _mp4(frames, fps):
    import imageio.v3 as iio

    # H.264 wants even sizes: drop a last odd row or column.
    stack = np.stack(frames)
    height, width = stack.shape[1] // 2 * 2, stack.shape[2] // 2 * 2
    return iio.imwrite("<bytes>", stack[:, :height, :width], extension=".mp4", fps=fps)
