using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Common.Persistence;

/// <summary>
/// Text columns compared byte by byte whatever the database's collation, e.g. materialized paths, so a sub-tree is one
/// index range. A module's mapping marks the column (<see cref="CompareByBytes"/>); the context turns the mark into
/// collation "C" on PostgreSQL. SQLite compares bytes already.
/// </summary>
public static class ByteOrder
{
    private const string Mark = "MotCua:CompareByBytes";

    public static PropertyBuilder<T> CompareByBytes<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(Mark, true);
    }

    internal static void Apply(ModelBuilder builder, bool postgres)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.FindAnnotation(Mark) is not null).ToList())
        {
            // The mark is only a note between mapping and context; the model keeps the collation alone.
            property.RemoveAnnotation(Mark);
            if (postgres)
            {
                property.SetCollation("C");
            }
        }
    }
}
