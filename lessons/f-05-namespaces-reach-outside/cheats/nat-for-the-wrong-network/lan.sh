# a machine on the LAN, outside the host
ip addr add 192.168.1.3/24 dev eth0
