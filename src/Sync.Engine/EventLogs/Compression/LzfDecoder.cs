namespace Sync.Engine.EventLogs.Compression;

/// <summary>Decompresses one LZF-compressed chunk, checking every bound.</summary>
internal static class LzfDecoder
{
    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/>.</summary>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidDataException">The data is malformed or does not fit in <paramref name="output"/>.</exception>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int ip = 0;
        int op = 0;
        while (ip < input.Length)
        {
            int ctrl = input[ip++];
            if (ctrl < 32)
            {
                // Literal run of ctrl + 1 bytes.
                int run = ctrl + 1;
                if (run > input.Length - ip)
                {
                    throw new InvalidDataException($"LZF literal run of {run} bytes at input offset {ip - 1} goes past the end of the chunk.");
                }

                if (run > output.Length - op)
                {
                    throw new InvalidDataException($"LZF literal run of {run} bytes at input offset {ip - 1} overflows the declared length {output.Length}.");
                }

                input.Slice(ip, run).CopyTo(output[op..]);
                ip += run;
                op += run;
                continue;
            }

            // Back-reference: length in the top 3 bits (7 = extended by the next byte), offset in the low 5 bits + next byte.
            int length = ctrl >> 5;
            if (length == 7)
            {
                if (ip >= input.Length)
                {
                    throw new InvalidDataException("LZF back-reference is cut off at the end of the chunk.");
                }

                length += input[ip++];
            }

            if (ip >= input.Length)
            {
                throw new InvalidDataException("LZF back-reference is cut off at the end of the chunk.");
            }

            int distance = ((ctrl & 0x1f) << 8) + input[ip++] + 1;
            length += 2;
            int from = op - distance;
            if (from < 0)
            {
                throw new InvalidDataException($"LZF back-reference at input offset {ip} points {distance} bytes back, before the start of the chunk (output position {op}).");
            }

            if (length > output.Length - op)
            {
                throw new InvalidDataException($"LZF back-reference of {length} bytes at input offset {ip} overflows the declared length {output.Length}.");
            }

            if (distance >= length)
            {
                output.Slice(from, length).CopyTo(output[op..]);
            }
            else
            {
                // Overlapping copy repeats the last `distance` bytes; must go byte by byte.
                for (int i = 0; i < length; i++)
                {
                    output[op + i] = output[from + i];
                }
            }

            op += length;
        }

        return op;
    }
}
