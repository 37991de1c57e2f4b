// Code that breaks the module rules on purpose, so the rules' tests show they would catch it. Never used.
#pragma warning disable CA1812, CA1822, IDE0051

namespace MotCua.ArchitectureTests.Planted.Modules.Alpha.Data
{
    internal sealed class AlphaRow
    {
        public int Id { get; set; }
    }
}

namespace MotCua.ArchitectureTests.Planted.Modules.Alpha.Domain
{
    internal sealed class AlphaEntity
    {
        public Data.AlphaRow Row { get; } = new();
    }
}

namespace MotCua.ArchitectureTests.Planted.Modules.Alpha.Public
{
    internal sealed record AlphaCard(int Id);
}

namespace MotCua.ArchitectureTests.Planted.Modules.Beta.Domain
{
    internal sealed class ReadsAlphasEntity
    {
        public int Of(Alpha.Domain.AlphaEntity entity) => entity.Row.Id;
    }
}

namespace MotCua.ArchitectureTests.Planted.Modules.Beta.Pages
{
    internal sealed class ReadsAlphasData
    {
        public Alpha.Data.AlphaRow? Row { get; set; }
    }
}

namespace MotCua.ArchitectureTests.Planted.Modules.Gamma.Domain
{
    internal sealed class UsesAlphasPublicSurface
    {
        public Alpha.Public.AlphaCard? Card { get; set; }
    }
}

namespace MotCua.ArchitectureTests.Planted.Common
{
    internal sealed class UsesAModule
    {
        public Modules.Alpha.Public.AlphaCard? Card { get; set; }
    }

    internal static class PlainHelper
    {
        public static string Trim(string text) => text.Trim();
    }
}
