using System.Text;

namespace MotCua.Web.Modules.Applications.Import;

/// <summary>One line of an import file: its number (from 1) and text, or no text when it was longer than allowed.</summary>
internal sealed record ImportFileLine(long Number, string? Text);

/// <summary>
/// Reads an import file line by line as it arrives (UTF-8, with or without a byte-order mark; \n or \r\n), holding at
/// most one line in memory, and never more than <c>maxLineLength</c> characters of it: a longer line is reported
/// without its text and the rest of it skipped.
/// </summary>
internal sealed class ImportFileReader(Stream stream, int maxLineLength) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private long _number;

    public async Task<ImportFileLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                _position = 0;
                if (_length == 0)
                {
                    return any ? Line(tooLong) : null;
                }
            }

            any = true;
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOf('\n');
            var part = end < 0 ? rest : rest[..end];
            if (!tooLong)
            {
                if (_line.Length + part.Length > maxLineLength + 1)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(part);
                }
            }

            if (end >= 0)
            {
                _position += end + 1;
                return Line(tooLong);
            }

            _position = _length;
        }
    }

    private ImportFileLine Line(bool tooLong)
    {
        _number++;
        if (tooLong)
        {
            return new ImportFileLine(_number, null);
        }

        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        return _line.Length > maxLineLength ? new ImportFileLine(_number, null) : new ImportFileLine(_number, _line.ToString());
    }

    public void Dispose() => _reader.Dispose();
}
