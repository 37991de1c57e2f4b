using System.Buffers.Binary;

namespace MotCua.Web.Common.Pdf;

/// <summary>
/// Shrinks a TrueType font to the glyphs a document uses, keeping every glyph id in place (the
/// outlines of the others are emptied), so the cmap and metrics stay valid. SkiaSharp's PDF
/// backend embeds whole fonts, which made every slip about 1 MB; with this it is a few tens of KB.
/// Tables only used for shaping and kerning are dropped: Skia draws our text unshaped.
/// </summary>
internal static class FontSubset
{
    private static readonly HashSet<string> Dropped = ["GPOS", "GSUB", "GDEF", "MATH", "FFTM", "kern", "JSTF", "BASE", "DSIG", "hdmx", "LTSH", "VDMX"];

    /// <summary>The font with only <paramref name="glyphs"/> (plus .notdef and composite parts) drawn.</summary>
    public static byte[] Keep(ReadOnlySpan<byte> font, IEnumerable<ushort> glyphs)
    {
        var tables = ReadTables(font);
        if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca)
            || !tables.TryGetValue("head", out var head) || !tables.TryGetValue("maxp", out var maxp))
        {
            return font.ToArray(); // Not a TrueType-outline font: embed it whole.
        }

        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(4));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var offsets = new uint[numGlyphs + 1];
        for (var i = 0; i <= numGlyphs; i++)
        {
            offsets[i] = longOffsets
                ? BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(i * 4))
                : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(i * 2)) * 2u;
        }

        var keep = new HashSet<ushort>();
        var pending = new Stack<ushort>(glyphs.Where(g => g < numGlyphs).Append((ushort)0));
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (!keep.Add(glyph))
            {
                continue;
            }

            foreach (var part in Components(glyf.AsSpan((int)offsets[glyph], (int)(offsets[glyph + 1] - offsets[glyph]))))
            {
                if (part < numGlyphs)
                {
                    pending.Push(part);
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[(numGlyphs + 1) * 4];
        for (var i = 0; i < numGlyphs; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(i * 4), (uint)newGlyf.Length);
            if (keep.Contains((ushort)i))
            {
                newGlyf.Write(glyf, (int)offsets[i], (int)(offsets[i + 1] - offsets[i]));
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(numGlyphs * 4), (uint)newGlyf.Length);

        var newHead = head.ToArray();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // long loca offsets
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, data) in tables)
        {
            if (!Dropped.Contains(tag))
            {
                output[tag] = data;
            }
        }

        output["glyf"] = newGlyf.ToArray();
        output["loca"] = newLoca;
        output["head"] = newHead;
        if (tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // post format 3: no glyph names (a PDF does not need them).
            var newPost = post.AsSpan(0, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(newPost, 0x00030000);
            output["post"] = newPost;
        }

        return Write(font[..4], output);
    }

    /// <summary>Glyph ids a composite glyph is built from (none for a simple glyph).</summary>
    private static List<ushort> Components(ReadOnlySpan<byte> glyph)
    {
        var parts = new List<ushort>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return parts;
        }

        var at = 10;
        while (at + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            parts.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & 0x0001) != 0 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
            at += (flags & 0x0008) != 0 ? 2 // WE_HAVE_A_SCALE
                : (flags & 0x0040) != 0 ? 4 // WE_HAVE_AN_X_AND_Y_SCALE
                : (flags & 0x0080) != 0 ? 8 // WE_HAVE_A_TWO_BY_TWO
                : 0;
            if ((flags & 0x0020) == 0) // MORE_COMPONENTS
            {
                break;
            }
        }

        return parts;
    }

    private static Dictionary<string, byte[]> ReadTables(ReadOnlySpan<byte> font)
    {
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (16 * i), 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = font.Slice(offset, length).ToArray();
        }

        return tables;
    }

    private static byte[] Write(ReadOnlySpan<byte> sfntVersion, SortedDictionary<string, byte[]> tables)
    {
        var count = (ushort)tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        var headerLength = 12 + (16 * count);
        var total = headerLength + tables.Values.Sum(t => Padded(t.Length));
        var font = new byte[total];
        sfntVersion.CopyTo(font);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)((count * 16) - (power * 16)));

        var offset = headerLength;
        var index = 0;
        var headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            var record = font.AsSpan(12 + (16 * index++), 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(font, offset);
            if (tag == "head")
            {
                headOffset = offset;
            }

            offset += Padded(data.Length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        }

        return font;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }
}
