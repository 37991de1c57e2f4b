using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.Web.Modules.Catalog.Public;

/// <summary>For other modules' tables that point at a unit: the foreign key without knowing the unit entity.</summary>
public static class CatalogReferences
{
    /// <summary>A unit that is referenced cannot be deleted (units are closed, not removed).</summary>
    public static void ReferencesUnit<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> unitId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasOne<Unit>().WithMany().HasForeignKey(unitId).OnDelete(DeleteBehavior.Restrict);
    }
}
