# a machine on the LAN, outside the host
ip addr add 192.168.1.3/24 dev eth0
ip route add 192.168.15.0/24 via 192.168.1.2
