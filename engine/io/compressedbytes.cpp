// SPDX-License-Identifier: GPL-3.0-or-later
#include "compressedbytes.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>

namespace perfwb::io {

namespace {

constexpr std::size_t kOutChunk = 1 << 18;

std::string at(std::size_t offset)
{
    return " at byte " + std::to_string(offset);
}

Status gunzip(std::string_view data, const std::function<Status(std::string_view)> &sink)
{
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return makeError("gzip: zlib could not start");
    struct End {
        z_stream *s;
        ~End() { inflateEnd(s); }
    } end{&zs};
    std::string out(kOutChunk, '\0');
    std::size_t fed = 0; // input handed to zlib so far
    for (;;) {
        if (zs.avail_in == 0 && fed < data.size()) {
            const std::size_t n = std::min<std::size_t>(data.size() - fed, 1U << 30); // avail_in is 32 bits
            // zlib's next_in is not const-qualified but never writes through it.
            zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data() + fed));
            zs.avail_in = static_cast<uInt>(n);
            fed += n;
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = out.size() - zs.avail_out;
        const std::size_t consumed = fed - zs.avail_in;
        if (produced > 0) {
            if (Status st = sink(std::string_view(out.data(), produced)); !st)
                return st;
        }
        if (rc == Z_STREAM_END) {
            if (consumed == data.size())
                return {};
            // gzip allows several members one after another (cat a.gz b.gz).
            if (data.size() - consumed >= 2 && static_cast<unsigned char>(data[consumed]) == 0x1f &&
                static_cast<unsigned char>(data[consumed + 1]) == 0x8b) {
                inflateReset(&zs);
                continue;
            }
            return makeError("gzip: unexpected bytes after the compressed data" + at(consumed));
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && produced == 0 && zs.avail_in == 0)) {
            if (zs.avail_in == 0 && fed == data.size())
                return makeError("gzip: the compressed data ends early (truncated file?)" + at(consumed));
            continue;
        }
        if (rc != Z_OK)
            return makeError("gzip: corrupt compressed data" + at(consumed) + " (" +
                             (zs.msg != nullptr ? zs.msg : "zlib error " + std::to_string(rc)) + ")");
    }
}

Status unzstd(std::string_view data, const std::function<Status(std::string_view)> &sink)
{
    ZSTD_DStream *ds = ZSTD_createDStream();
    if (ds == nullptr)
        return makeError("zstd: could not start");
    struct Free {
        ZSTD_DStream *s;
        ~Free() { ZSTD_freeDStream(s); }
    } release{ds};
    ZSTD_initDStream(ds);
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    std::string out(std::max(kOutChunk, ZSTD_DStreamOutSize()), '\0');
    for (;;) {
        ZSTD_outBuffer ob{out.data(), out.size(), 0};
        const std::size_t r = ZSTD_decompressStream(ds, &ob, &in);
        if (ZSTD_isError(r) != 0)
            return makeError(std::string("zstd: corrupt compressed data") + at(in.pos) + " (" + ZSTD_getErrorName(r) +
                             ")");
        if (ob.pos > 0) {
            if (Status st = sink(std::string_view(out.data(), ob.pos)); !st)
                return st;
        }
        if (in.pos < in.size || ob.pos == ob.size)
            continue; // more input, or output still buffered in the decoder
        if (r != 0)
            return makeError("zstd: the compressed data ends early (truncated file?)" + at(in.pos));
        return {};
    }
}

} // namespace

Compression compressionOf(std::string_view data)
{
    if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b)
        return Compression::Gzip;
    if (data.starts_with("\x28\xB5\x2F\xFD"))
        return Compression::Zstd;
    return Compression::None;
}

std::string_view compressionName(Compression c)
{
    switch (c) {
    case Compression::Gzip:
        return "gzip";
    case Compression::Zstd:
        return "zstd";
    case Compression::None:
        break;
    }
    return "uncompressed";
}

Status forEachDecompressedChunk(std::string_view data, const std::function<Status(std::string_view)> &sink)
{
    switch (compressionOf(data)) {
    case Compression::None:
        return sink(data);
    case Compression::Gzip:
        return gunzip(data, sink);
    case Compression::Zstd:
        return unzstd(data, sink);
    }
    return makeError("unknown compression");
}

std::string decompressedPrefix(std::string_view data, std::size_t limit)
{
    std::string out;
    const Status st = forEachDecompressedChunk(data, [&](std::string_view piece) -> Status {
        out.append(piece.substr(0, limit - out.size()));
        if (out.size() >= limit)
            return makeError("enough"); // stops decompressing; not an error for the caller
        return {};
    });
    static_cast<void>(st.isOk()); // truncated or corrupt input still gives its good prefix
    return out;
}

} // namespace perfwb::io
