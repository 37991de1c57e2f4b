namespace MotCua.Web.Common.Web;

/// <summary>
/// Lines for the person who just started the server, printed under its address once it listens (the demo accounts on
/// the embedded default, for instance). Vietnamese first, then English, as every message of the console.
/// </summary>
public sealed class StartupNotes
{
    private readonly List<string> _lines = [];

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }
}
