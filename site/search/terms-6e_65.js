tracebriefSearch.terms("ne",{"need":"0","needs":"0","netherlands":"e"});
