namespace MotCua.Web.Modules.EForms.Public;

/// <summary>
/// The communes and wards an address field offers ("xã Đông Hòa, tỉnh An Bình"), from the unit tree as it stands today.
/// The catalog provides it; the e-form only shows the list.
/// </summary>
public interface IAddressPlaces
{
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
