tracebriefSearch.terms("pe",{"peace":"0","pete":"6"});
