using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MeshClient.AspNetCore.Registration;

/// <summary>Finds the address that stands for this machine when the server listens on a wildcard host.</summary>
internal static class MachineAddress
{
    /// <summary>
    /// Returns the first non-loopback IPv4 address of an interface that is up, in the order the OS lists interfaces;
    /// link-local (169.254.x.x) only when there is nothing else; <see langword="null"/> when the machine has none.
    /// </summary>
    public static IPAddress? FirstNonLoopbackIPv4()
    {
        IPAddress? linkLocal = null;
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            return null;
        }

        foreach (var nic in interfaces)
        {
            if (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback
                || nic.OperationalStatus is not (OperationalStatus.Up or OperationalStatus.Unknown))
            {
                continue;
            }

            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                var address = unicast.Address;
                if (address.AddressFamily != AddressFamily.InterNetwork || IPAddress.IsLoopback(address))
                {
                    continue;
                }

                if (!IsLinkLocal(address))
                {
                    return address;
                }

                linkLocal ??= address;
            }
        }

        return linkLocal;
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out _) && bytes[0] == 169 && bytes[1] == 254;
    }
}
