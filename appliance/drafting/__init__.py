"""Official documents in the format of Nghị định 30/2020/NĐ-CP and the outgoing register."""
