//! `net()`: network interfaces with their addresses (getifaddrs) and
//! traffic counters (`/sys/class/net`).

use psh_interp::interp::{Interp, Want};
use psh_interp::value::*;

use crate::util::*;
use crate::Command;

/// `net()`.
pub const COMMAND: Command = Command {
    name: "net",
    signature: "net()",
    description: "Network interfaces as PSH::Net records with their addresses and traffic",
    examples: &[
        ("net()", "every interface"),
        (
            "map { @{ $_->{ipv4} } } net()",
            "every IPv4 address with its prefix length",
        ),
        (
            "net() | grep { $_->{up} } | sort { $b->{rx} <=> $a->{rx} }",
            "interfaces that are up, busiest first",
        ),
    ],
    class: Some("PSH::Net"),
    keys: &[
        ("name", "interface name"),
        ("up", "1 when administratively up, 0 otherwise"),
        (
            "mac",
            "hardware address (aa:bb:cc:dd:ee:ff), undef when it has none",
        ),
        ("mtu", "MTU in bytes"),
        ("ipv4", "arrayref of IPv4 addresses as ADDR/PREFIX"),
        ("ipv6", "arrayref of IPv6 addresses as ADDR/PREFIX"),
        ("rx", "bytes received"),
        ("tx", "bytes sent"),
    ],
    run: net,
};

/// What getifaddrs says about one interface (it gives one entry per address).
#[derive(Default)]
struct Iface {
    name: String,
    up: bool,
    mac: Option<String>,
    ipv4: Vec<Value>,
    ipv6: Vec<Value>,
}

/// A netmask's prefix length: its one bits.
fn prefix(mask: &[u8]) -> u32 {
    mask.iter().map(|b| b.count_ones()).sum()
}

/// A number from a one-line file under `/sys/class/net/NAME/`.
fn sys_num(name: &str, file: &str) -> Value {
    std::fs::read_to_string(format!("/sys/class/net/{name}/{file}"))
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .map(Value::Int)
        .unwrap_or_default()
}

/// The native `PSH::Cmd::net`.
pub fn net(it: &mut Interp, _: &[Elem], want: Want, out: &mut Vec<Value>) -> R {
    use nix::net::if_::InterfaceFlags;
    let addrs = match nix::ifaddrs::getifaddrs() {
        Ok(a) => a,
        Err(e) => return Err(it.die_msg(format!("net: getifaddrs: {}", e.desc()))),
    };
    let mut ifs: Vec<Iface> = Vec::new();
    for a in addrs {
        let i = match ifs.iter().position(|f| f.name == a.interface_name) {
            Some(i) => i,
            None => {
                ifs.push(Iface {
                    name: a.interface_name.clone(),
                    ..Default::default()
                });
                ifs.len() - 1
            }
        };
        let f = &mut ifs[i];
        f.up |= a.flags.contains(InterfaceFlags::IFF_UP);
        let Some(addr) = a.address else { continue };
        if let Some(l) = addr.as_link_addr() {
            if let Some(m) = l.addr() {
                // Loopback has an all-zero address: no hardware address.
                if m != [0; 6] {
                    let s: Vec<String> = m.iter().map(|b| format!("{b:02x}")).collect();
                    f.mac = Some(s.join(":"));
                }
            }
        } else if let Some(v4) = addr.as_sockaddr_in() {
            let p = a
                .netmask
                .and_then(|m| m.as_sockaddr_in().map(|m| prefix(&m.ip().octets())))
                .unwrap_or(32);
            f.ipv4.push(Value::string(format!("{}/{p}", v4.ip())));
        } else if let Some(v6) = addr.as_sockaddr_in6() {
            let p = a
                .netmask
                .and_then(|m| m.as_sockaddr_in6().map(|m| prefix(&m.ip().octets())))
                .unwrap_or(128);
            f.ipv6.push(Value::string(format!("{}/{p}", v6.ip())));
        }
    }
    let recs = ifs
        .into_iter()
        .map(|f| {
            let r = Rec::new(8);
            r.set("name", Value::string(f.name.clone()))
                .set("up", Value::Int(f.up as i64))
                .set("mac", f.mac.map(Value::string).unwrap_or_default())
                .set("mtu", sys_num(&f.name, "mtu"))
                .set("ipv4", Value::ArrayRef(Array::from_values(f.ipv4)))
                .set("ipv6", Value::ArrayRef(Array::from_values(f.ipv6)))
                .set("rx", sys_num(&f.name, "statistics/rx_bytes"))
                .set("tx", sys_num(&f.name, "statistics/tx_bytes"));
            r.bless("PSH::Net")
        })
        .collect();
    records(want, out, recs)
}
